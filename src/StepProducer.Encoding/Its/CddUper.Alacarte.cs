using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Its;

/// <summary>UPER of the shared CDD types used by the à-la-carte sub-containers.</summary>
internal static partial class CddUper
{
    // DrivingLaneStatus BIT STRING (SIZE (1..13)).
    private const int DrivingLaneStatusMaxBits = 13;

    // DangerousGoodsExtended: unNumber INTEGER (0..9999); emergencyActionCode IA5String (SIZE (1..24));
    // PhoneNumber NumericString (SIZE(1..16)); companyName UTF8String (SIZE (1..24)).
    private const int UnNumberMax = 9999;
    private const int EmergencyActionCodeMax = 24;
    private const int PhoneNumberMax = 16;
    private const int CompanyNameMax = 24;

    // WMInumber IA5String (SIZE(1..3)); VDS IA5String (SIZE(6)).
    private const int WmiNumberMax = 3;
    private const int VdsSize = 6;

    /// <summary>ClosedLanes SEQUENCE {3 OPTIONAL, ...}: extension bit (always 0 here), 3 presence bits.</summary>
    public static void WriteClosedLanes(ref UperWriter writer, in ClosedLanes value, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteBit(false);
        writer.WriteBit(value.InnerhardShoulderStatus.HasValue);
        writer.WriteBit(value.OuterhardShoulderStatus.HasValue);
        writer.WriteBit(value.DrivingLaneStatus.HasValue);
        if (value.InnerhardShoulderStatus is { } inner)
        {
            writer.WriteEnumerated((int)inner, CddUper.HardShoulderStatusCount, "innerhardShoulderStatus", "HardShoulderStatus");
        }

        if (value.OuterhardShoulderStatus is { } outer)
        {
            writer.WriteEnumerated((int)outer, CddUper.HardShoulderStatusCount, "outerhardShoulderStatus", "HardShoulderStatus");
        }

        if (value.DrivingLaneStatus is { } lanes)
        {
            writer.WriteVariableSizeBitString((uint)lanes.Bits, lanes.Length, 1, DrivingLaneStatusMaxBits, "drivingLaneStatus");
        }

        writer.Path.Pop();
    }

    public static ClosedLanes ReadClosedLanes(ref UperReader reader, string identifier)
    {
        reader.Path.Push(identifier);
        var extended = reader.ReadBit("");
        var hasInner = reader.ReadBit("");
        var hasOuter = reader.ReadBit("");
        var hasLanes = reader.ReadBit("");
        var value = new ClosedLanes
        {
            InnerhardShoulderStatus = hasInner ? (HardShoulderStatus)reader.ReadEnumerated(CddUper.HardShoulderStatusCount, "innerhardShoulderStatus") : null,
            OuterhardShoulderStatus = hasOuter ? (HardShoulderStatus)reader.ReadEnumerated(CddUper.HardShoulderStatusCount, "outerhardShoulderStatus") : null,
            DrivingLaneStatus = hasLanes ? ReadDrivingLaneStatus(ref reader) : null,
        };
        SkipAllAdditions(ref reader, extended);
        reader.Path.Pop();
        return value;
    }

    /// <summary>
    /// A SEQUENCE whose version has no known extension additions: when its extension bit is 1, every addition
    /// is skipped by its open-type length (X.691 clause 19.9).
    /// </summary>
    public static void SkipAllAdditions(ref UperReader reader, bool extended)
    {
        if (extended)
        {
            var count = reader.ReadExtensionBitmap(out var presence, "");
            reader.SkipUnknownAdditions(presence, count, 0, "");
        }
    }

    private static DrivingLaneStatus ReadDrivingLaneStatus(ref UperReader reader)
    {
        var length = reader.ReadConstrainedLength(1, DrivingLaneStatusMaxBits, "drivingLaneStatus");
        return new DrivingLaneStatus { Length = length, Bits = (int)reader.ReadBits(length, "drivingLaneStatus") };
    }

    /// <summary>DangerousGoodsExtended SEQUENCE {5 mandatory, 3 OPTIONAL, ...}.</summary>
    public static void WriteDangerousGoods(ref UperWriter writer, DangerousGoodsExtended value, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteBit(false);
        writer.WriteBit(value.EmergencyActionCode is not null);
        writer.WriteBit(value.PhoneNumber is not null);
        writer.WriteBit(value.CompanyName is not null);
        writer.WriteEnumerated((int)value.DangerousGoodsType, CddUper.DangerousGoodsBasicCount, "dangerousGoodsType", "DangerousGoodsBasic");
        writer.WriteConstrainedInteger(value.UnNumber, 0, UnNumberMax, "unNumber");
        writer.WriteBit(value.ElevatedTemperature);
        writer.WriteBit(value.TunnelsRestricted);
        writer.WriteBit(value.LimitedQuantity);
        if (value.EmergencyActionCode is { } code)
        {
            writer.WriteIA5String(code, 1, EmergencyActionCodeMax, "emergencyActionCode");
        }

        if (value.PhoneNumber is { } phone)
        {
            writer.WriteNumericString(phone, 1, PhoneNumberMax, "phoneNumber");
        }

        if (value.CompanyName is { } company)
        {
            writer.WriteUtf8String(company, 1, CompanyNameMax, "companyName");
        }

        writer.Path.Pop();
    }

    public static void ReadDangerousGoods(ref UperReader reader, DangerousGoodsExtended value, string identifier)
    {
        reader.Path.Push(identifier);
        var extended = reader.ReadBit("");
        var hasCode = reader.ReadBit("");
        var hasPhone = reader.ReadBit("");
        var hasCompany = reader.ReadBit("");
        value.DangerousGoodsType = (DangerousGoodsBasic)reader.ReadEnumerated(CddUper.DangerousGoodsBasicCount, "dangerousGoodsType");
        value.UnNumber = (int)reader.ReadConstrainedInteger(0, UnNumberMax, "unNumber");
        value.ElevatedTemperature = reader.ReadBit("elevatedTemperature");
        value.TunnelsRestricted = reader.ReadBit("tunnelsRestricted");
        value.LimitedQuantity = reader.ReadBit("limitedQuantity");
        value.EmergencyActionCode = hasCode ? reader.ReadIA5String(1, EmergencyActionCodeMax, value.EmergencyActionCode, "emergencyActionCode") : null;
        value.PhoneNumber = hasPhone ? reader.ReadNumericString(1, PhoneNumberMax, value.PhoneNumber, "phoneNumber") : null;
        value.CompanyName = hasCompany ? reader.ReadUtf8String(1, CompanyNameMax, value.CompanyName, "companyName") : null;
        SkipAllAdditions(ref reader, extended);
        reader.Path.Pop();
    }

    /// <summary>VehicleIdentification SEQUENCE {2 OPTIONAL, ...}.</summary>
    public static void WriteVehicleIdentification(ref UperWriter writer, VehicleIdentification value, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteBit(false);
        writer.WriteBit(value.WMInumber is not null);
        writer.WriteBit(value.VDS is not null);
        if (value.WMInumber is { } wmi)
        {
            writer.WriteIA5String(wmi, 1, WmiNumberMax, "wMInumber");
        }

        if (value.VDS is { } vds)
        {
            writer.WriteIA5String(vds, VdsSize, VdsSize, "vDS");
        }

        writer.Path.Pop();
    }

    public static void ReadVehicleIdentification(ref UperReader reader, VehicleIdentification value, string identifier)
    {
        reader.Path.Push(identifier);
        var extended = reader.ReadBit("");
        var hasWmi = reader.ReadBit("");
        var hasVds = reader.ReadBit("");
        value.WMInumber = hasWmi ? reader.ReadIA5String(1, WmiNumberMax, value.WMInumber, "wMInumber") : null;
        value.VDS = hasVds ? reader.ReadIA5String(VdsSize, VdsSize, value.VDS, "vDS") : null;
        SkipAllAdditions(ref reader, extended);
        reader.Path.Pop();
    }
}
