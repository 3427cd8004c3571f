using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The JER keys of a DENM: the ASN.1 component identifiers of EN 302 637-3 v1.3.1 / TS 102 894-2 v1.3.1 and
/// TS 103 831 v2.2.1 / TS 102 894-2 v2.2.1, pre-encoded once so that writing a key allocates nothing.
/// C# names are the identifiers in PascalCase; where v1 and v2 spell an identifier differently
/// (<c>actionID</c> / <c>actionId</c>) both are here.
/// </summary>
internal static class JerNames
{
    // DENM PDU (both modules).
    public static readonly JsonEncodedText Header = JsonEncodedText.Encode("header");
    public static readonly JsonEncodedText Denm = JsonEncodedText.Encode("denm");

    // ItsPduHeader: protocolVersion in both CDD versions; v1.3.1 messageID/stationID, v2.2.1 messageId/stationId.
    public static readonly JsonEncodedText ProtocolVersion = JsonEncodedText.Encode("protocolVersion");
    public static readonly JsonEncodedText MessageID = JsonEncodedText.Encode("messageID");
    public static readonly JsonEncodedText StationID = JsonEncodedText.Encode("stationID");
    public static readonly JsonEncodedText MessageId = JsonEncodedText.Encode("messageId");
    public static readonly JsonEncodedText StationId = JsonEncodedText.Encode("stationId");

    // DecentralizedEnvironmentalNotificationMessage (v1.3.1) / DenmPayload (v2.2.1).
    public static readonly JsonEncodedText Management = JsonEncodedText.Encode("management");
    public static readonly JsonEncodedText Situation = JsonEncodedText.Encode("situation");
    public static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
    public static readonly JsonEncodedText Alacarte = JsonEncodedText.Encode("alacarte");

    // ManagementContainer; v1.3.1 actionID/relevanceDistance/relevanceTrafficDirection, v2.2.1 actionId/awarenessDistance/trafficDirection.
    public static readonly JsonEncodedText ActionID = JsonEncodedText.Encode("actionID");
    public static readonly JsonEncodedText ActionId = JsonEncodedText.Encode("actionId");
    public static readonly JsonEncodedText DetectionTime = JsonEncodedText.Encode("detectionTime");
    public static readonly JsonEncodedText ReferenceTime = JsonEncodedText.Encode("referenceTime");
    public static readonly JsonEncodedText Termination = JsonEncodedText.Encode("termination");
    public static readonly JsonEncodedText EventPosition = JsonEncodedText.Encode("eventPosition");
    public static readonly JsonEncodedText RelevanceDistance = JsonEncodedText.Encode("relevanceDistance");
    public static readonly JsonEncodedText RelevanceTrafficDirection = JsonEncodedText.Encode("relevanceTrafficDirection");
    public static readonly JsonEncodedText AwarenessDistance = JsonEncodedText.Encode("awarenessDistance");
    public static readonly JsonEncodedText TrafficDirection = JsonEncodedText.Encode("trafficDirection");
    public static readonly JsonEncodedText ValidityDuration = JsonEncodedText.Encode("validityDuration");
    public static readonly JsonEncodedText TransmissionInterval = JsonEncodedText.Encode("transmissionInterval");
    public static readonly JsonEncodedText StationType = JsonEncodedText.Encode("stationType");

    // ActionID (v1.3.1) / ActionId (v2.2.1).
    public static readonly JsonEncodedText OriginatingStationID = JsonEncodedText.Encode("originatingStationID");
    public static readonly JsonEncodedText OriginatingStationId = JsonEncodedText.Encode("originatingStationId");
    public static readonly JsonEncodedText SequenceNumber = JsonEncodedText.Encode("sequenceNumber");

    // ReferencePosition, PosConfidenceEllipse, Altitude.
    public static readonly JsonEncodedText Latitude = JsonEncodedText.Encode("latitude");
    public static readonly JsonEncodedText Longitude = JsonEncodedText.Encode("longitude");
    public static readonly JsonEncodedText PositionConfidenceEllipse = JsonEncodedText.Encode("positionConfidenceEllipse");
    public static readonly JsonEncodedText Altitude = JsonEncodedText.Encode("altitude");
    public static readonly JsonEncodedText SemiMajorConfidence = JsonEncodedText.Encode("semiMajorConfidence");
    public static readonly JsonEncodedText SemiMinorConfidence = JsonEncodedText.Encode("semiMinorConfidence");
    public static readonly JsonEncodedText SemiMajorOrientation = JsonEncodedText.Encode("semiMajorOrientation");
    public static readonly JsonEncodedText AltitudeValue = JsonEncodedText.Encode("altitudeValue");
    public static readonly JsonEncodedText AltitudeConfidence = JsonEncodedText.Encode("altitudeConfidence");

    // SituationContainer; v1.3.1 eventHistory, v2.2.1 eventZone and the extension group linkedDenms/eventEnd.
    public static readonly JsonEncodedText InformationQuality = JsonEncodedText.Encode("informationQuality");
    public static readonly JsonEncodedText EventType = JsonEncodedText.Encode("eventType");
    public static readonly JsonEncodedText LinkedCause = JsonEncodedText.Encode("linkedCause");
    public static readonly JsonEncodedText EventHistory = JsonEncodedText.Encode("eventHistory");
    public static readonly JsonEncodedText EventZone = JsonEncodedText.Encode("eventZone");
    public static readonly JsonEncodedText LinkedDenms = JsonEncodedText.Encode("linkedDenms");
    public static readonly JsonEncodedText EventEnd = JsonEncodedText.Encode("eventEnd");

    // CauseCode (v1.3.1) / CauseCodeV2 (v2.2.1).
    public static readonly JsonEncodedText CauseCode = JsonEncodedText.Encode("causeCode");
    public static readonly JsonEncodedText SubCauseCode = JsonEncodedText.Encode("subCauseCode");
    public static readonly JsonEncodedText CcAndScc = JsonEncodedText.Encode("ccAndScc");

    // EventPoint, DeltaReferencePosition, PathPoint.
    public static readonly JsonEncodedText EventDeltaTime = JsonEncodedText.Encode("eventDeltaTime");
    public static readonly JsonEncodedText DeltaLatitude = JsonEncodedText.Encode("deltaLatitude");
    public static readonly JsonEncodedText DeltaLongitude = JsonEncodedText.Encode("deltaLongitude");
    public static readonly JsonEncodedText DeltaAltitude = JsonEncodedText.Encode("deltaAltitude");
    public static readonly JsonEncodedText PathPosition = JsonEncodedText.Encode("pathPosition");
    public static readonly JsonEncodedText PathDeltaTime = JsonEncodedText.Encode("pathDeltaTime");

    // LocationContainer; v1.3.1 traces, v2.2.1 detectionZonesToEventPosition.
    public static readonly JsonEncodedText EventSpeed = JsonEncodedText.Encode("eventSpeed");
    public static readonly JsonEncodedText EventPositionHeading = JsonEncodedText.Encode("eventPositionHeading");
    public static readonly JsonEncodedText Traces = JsonEncodedText.Encode("traces");
    public static readonly JsonEncodedText DetectionZonesToEventPosition = JsonEncodedText.Encode("detectionZonesToEventPosition");
    public static readonly JsonEncodedText RoadType = JsonEncodedText.Encode("roadType");

    // Speed, Heading (v1.3.1), Wgs84Angle (v2.2.1).
    public static readonly JsonEncodedText SpeedValue = JsonEncodedText.Encode("speedValue");
    public static readonly JsonEncodedText SpeedConfidence = JsonEncodedText.Encode("speedConfidence");
    public static readonly JsonEncodedText HeadingValue = JsonEncodedText.Encode("headingValue");
    public static readonly JsonEncodedText HeadingConfidence = JsonEncodedText.Encode("headingConfidence");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");

    // AlacarteContainer.
    public static readonly JsonEncodedText LanePosition = JsonEncodedText.Encode("lanePosition");
    public static readonly JsonEncodedText ImpactReduction = JsonEncodedText.Encode("impactReduction");
    public static readonly JsonEncodedText ExternalTemperature = JsonEncodedText.Encode("externalTemperature");
    public static readonly JsonEncodedText RoadWorks = JsonEncodedText.Encode("roadWorks");
    public static readonly JsonEncodedText PositioningSolution = JsonEncodedText.Encode("positioningSolution");
    public static readonly JsonEncodedText StationaryVehicle = JsonEncodedText.Encode("stationaryVehicle");

    // ImpactReductionContainer.
    public static readonly JsonEncodedText HeightLonCarrLeft = JsonEncodedText.Encode("heightLonCarrLeft");
    public static readonly JsonEncodedText HeightLonCarrRight = JsonEncodedText.Encode("heightLonCarrRight");
    public static readonly JsonEncodedText PosLonCarrLeft = JsonEncodedText.Encode("posLonCarrLeft");
    public static readonly JsonEncodedText PosLonCarrRight = JsonEncodedText.Encode("posLonCarrRight");
    public static readonly JsonEncodedText PositionOfPillars = JsonEncodedText.Encode("positionOfPillars");
    public static readonly JsonEncodedText PosCentMass = JsonEncodedText.Encode("posCentMass");
    public static readonly JsonEncodedText WheelBaseVehicle = JsonEncodedText.Encode("wheelBaseVehicle");
    public static readonly JsonEncodedText TurningRadius = JsonEncodedText.Encode("turningRadius");
    public static readonly JsonEncodedText PosFrontAx = JsonEncodedText.Encode("posFrontAx");
    public static readonly JsonEncodedText PositionOfOccupants = JsonEncodedText.Encode("positionOfOccupants");
    public static readonly JsonEncodedText VehicleMass = JsonEncodedText.Encode("vehicleMass");
    public static readonly JsonEncodedText RequestResponseIndication = JsonEncodedText.Encode("requestResponseIndication");

    // RoadWorksContainerExtended.
    public static readonly JsonEncodedText LightBarSirenInUse = JsonEncodedText.Encode("lightBarSirenInUse");
    public static readonly JsonEncodedText ClosedLanes = JsonEncodedText.Encode("closedLanes");
    public static readonly JsonEncodedText Restriction = JsonEncodedText.Encode("restriction");
    public static readonly JsonEncodedText SpeedLimit = JsonEncodedText.Encode("speedLimit");
    public static readonly JsonEncodedText IncidentIndication = JsonEncodedText.Encode("incidentIndication");
    public static readonly JsonEncodedText RecommendedPath = JsonEncodedText.Encode("recommendedPath");
    public static readonly JsonEncodedText StartingPointSpeedLimit = JsonEncodedText.Encode("startingPointSpeedLimit");
    public static readonly JsonEncodedText TrafficFlowRule = JsonEncodedText.Encode("trafficFlowRule");
    public static readonly JsonEncodedText ReferenceDenms = JsonEncodedText.Encode("referenceDenms");

    // ClosedLanes.
    public static readonly JsonEncodedText InnerhardShoulderStatus = JsonEncodedText.Encode("innerhardShoulderStatus");
    public static readonly JsonEncodedText OuterhardShoulderStatus = JsonEncodedText.Encode("outerhardShoulderStatus");
    public static readonly JsonEncodedText DrivingLaneStatus = JsonEncodedText.Encode("drivingLaneStatus");

    // StationaryVehicleContainer.
    public static readonly JsonEncodedText StationarySince = JsonEncodedText.Encode("stationarySince");
    public static readonly JsonEncodedText StationaryCause = JsonEncodedText.Encode("stationaryCause");
    public static readonly JsonEncodedText CarryingDangerousGoods = JsonEncodedText.Encode("carryingDangerousGoods");
    public static readonly JsonEncodedText NumberOfOccupants = JsonEncodedText.Encode("numberOfOccupants");
    public static readonly JsonEncodedText VehicleIdentification = JsonEncodedText.Encode("vehicleIdentification");
    public static readonly JsonEncodedText EnergyStorageType = JsonEncodedText.Encode("energyStorageType");

    // DangerousGoodsExtended.
    public static readonly JsonEncodedText DangerousGoodsType = JsonEncodedText.Encode("dangerousGoodsType");
    public static readonly JsonEncodedText UnNumber = JsonEncodedText.Encode("unNumber");
    public static readonly JsonEncodedText ElevatedTemperature = JsonEncodedText.Encode("elevatedTemperature");
    public static readonly JsonEncodedText TunnelsRestricted = JsonEncodedText.Encode("tunnelsRestricted");
    public static readonly JsonEncodedText LimitedQuantity = JsonEncodedText.Encode("limitedQuantity");
    public static readonly JsonEncodedText EmergencyActionCode = JsonEncodedText.Encode("emergencyActionCode");
    public static readonly JsonEncodedText PhoneNumber = JsonEncodedText.Encode("phoneNumber");
    public static readonly JsonEncodedText CompanyName = JsonEncodedText.Encode("companyName");

    // VehicleIdentification.
    public static readonly JsonEncodedText WMInumber = JsonEncodedText.Encode("wMInumber");
    public static readonly JsonEncodedText VDS = JsonEncodedText.Encode("vDS");
}
