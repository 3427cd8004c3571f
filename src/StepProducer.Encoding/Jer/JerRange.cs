namespace StepProducer.Encoding.Jer;

/// <summary>The root range of a constrained INTEGER (or of a SIZE), as its ASN.1 type states it.</summary>
internal readonly record struct JerRange(long Min, long Max)
{
    // TS 102 894-2 v1.3.1 (ITS-Container) and v2.2.1 (ETSI-ITS-CDD) agree on every range below;
    // the comment names the ASN.1 type (v1.3.1 name / v2.2.1 name where they differ).

    /// <summary>Latitude.</summary>
    public static readonly JerRange Latitude = new(-900_000_000, 900_000_001);

    /// <summary>Longitude.</summary>
    public static readonly JerRange Longitude = new(-1_800_000_000, 1_800_000_001);

    /// <summary>SemiAxisLength.</summary>
    public static readonly JerRange SemiAxisLength = new(0, 4095);

    /// <summary>HeadingValue, and Wgs84AngleValue (v2.2.1).</summary>
    public static readonly JerRange HeadingValue = new(0, 3601);

    /// <summary>AltitudeValue.</summary>
    public static readonly JerRange AltitudeValue = new(-100_000, 800_001);

    /// <summary>DeltaLatitude and DeltaLongitude.</summary>
    public static readonly JerRange DeltaLatitudeLongitude = new(-131_071, 131_072);

    /// <summary>DeltaAltitude.</summary>
    public static readonly JerRange DeltaAltitude = new(-12_700, 12_800);

    /// <summary>
    /// PathDeltaTime (1..65535, ...): the extension marker makes every value legal (UPER writes one outside the
    /// root as an unconstrained number), so JER takes any value the model's <see cref="int"/> holds.
    /// </summary>
    public static readonly JerRange PathDeltaTime = new(int.MinValue, int.MaxValue);

    /// <summary>
    /// The SIZE of a SEQUENCE OF with an extensible SIZE constraint, such as PositionOfPillars (SIZE(1..3, ...)):
    /// a count outside the root is legal, and UPER writes it with the general length determinant, whose
    /// unfragmented form (X.691 clause 11.9.3.7) the codec supports up to 16383.
    /// </summary>
    public static readonly JerRange ExtensibleSize = new(0, 16_383);

    /// <summary>InformationQuality.</summary>
    public static readonly JerRange InformationQuality = new(0, 7);

    /// <summary>SpeedValue.</summary>
    public static readonly JerRange SpeedValue = new(0, 16_383);

    /// <summary>SpeedConfidence, HeadingConfidence, and Wgs84AngleConfidence (v2.2.1).</summary>
    public static readonly JerRange Confidence127 = new(1, 127);

    /// <summary>StationID / StationId.</summary>
    public static readonly JerRange StationId = new(0, uint.MaxValue);

    /// <summary>SequenceNumber.</summary>
    public static readonly JerRange SequenceNumber = new(0, ushort.MaxValue);

    /// <summary>TimestampIts: 0..2^42-1 ms.</summary>
    public static readonly JerRange TimestampIts = new(0, 4_398_046_511_103);

    /// <summary>ValidityDuration / DeltaTimeSecond: 0..86400 s (one day).</summary>
    public static readonly JerRange ValidityDuration = new(0, 86_400);

    /// <summary>TransmissionInterval / DeltaTimeMilliSecondPositive: 1..10000 ms.</summary>
    public static readonly JerRange TransmissionInterval = new(1, 10_000);

    /// <summary>
    /// The one-octet INTEGERs (0..255): StationType, protocolVersion (OrdinalNumber1B), messageID / MessageId,
    /// CauseCodeType and SubCauseCodeType.
    /// </summary>
    public static readonly JerRange Octet = new(0, 255);

    /// <summary>LanePosition.</summary>
    public static readonly JerRange LanePosition = new(-1, 14);

    /// <summary>Temperature.</summary>
    public static readonly JerRange Temperature = new(-60, 67);

    /// <summary>HeightLonCarr.</summary>
    public static readonly JerRange HeightLonCarr = new(1, 100);

    /// <summary>PosLonCarr and WheelBaseVehicle.</summary>
    public static readonly JerRange PosLonCarr = new(1, 127);

    /// <summary>PosPillar.</summary>
    public static readonly JerRange PosPillar = new(1, 30);

    /// <summary>PosCentMass.</summary>
    public static readonly JerRange PosCentMass = new(1, 63);

    /// <summary>TurningRadius and SpeedLimit.</summary>
    public static readonly JerRange OneTo255 = new(1, 255);

    /// <summary>PosFrontAx.</summary>
    public static readonly JerRange PosFrontAx = new(1, 20);

    /// <summary>VehicleMass.</summary>
    public static readonly JerRange VehicleMass = new(1, 1024);

    /// <summary>NumberOfOccupants.</summary>
    public static readonly JerRange NumberOfOccupants = new(0, 127);

    /// <summary>DangerousGoodsExtended.unNumber: INTEGER (0..9999), the four-digit UN number.</summary>
    public static readonly JerRange UnNumber = new(0, 9999);

    /// <summary>Position1d (v2.2.1, eventEnd).</summary>
    public static readonly JerRange Position1d = new(-8190, 8191);
}
