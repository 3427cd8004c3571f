using CsCheck;
using StepProducer.Encoding.Jer;
using StepProducer.Encoding.Tests.DenmCodec;
using StepProducer.Encoding.Tests.Generators;
using StepProducer.Encoding.Tests.Support;

namespace StepProducer.Encoding.Tests.Jer;

/// <summary>
/// Random valid DENMs of both versions (the codec's generators, every container, values beyond extensible
/// roots included): model → JER → model is the identity, gives the same JER again and the same UPER.
/// </summary>
public class JerPropertyTests
{
    // As in the UPER round-trip properties: 300 samples reach the rarer optional combinations in about a second.
    private const int Iterations = 300;

    [Fact]
    public void V1_JerRoundTrip_IsIdentity() =>
        DenmGenerators.V1Denm.Sample(
            denm =>
            {
                var jer = JerText.Write(denm);
                var read = JerCodec.ReadV1(JerText.Utf8(jer));
                Assert.Equal(ModelFlattener.Flatten(denm), ModelFlattener.Flatten(read));
                Assert.Equal(jer, JerText.Write(read));
                Assert.Equal(RoundTripPropertyTests.Encode(denm), RoundTripPropertyTests.Encode(read));
            },
            iter: Iterations);

    [Fact]
    public void V2_JerRoundTrip_IsIdentityForEverythingModelled() =>
        DenmGenerators.V2Denm.Sample(
            denm =>
            {
                // The raw extension groups have no JER (they are left out by design), so they cannot come back.
                var jer = JerText.Write(denm);
                DropRawExtensionGroups(denm);
                Assert.Equal(jer, JerText.Write(denm));

                var read = JerCodec.ReadV2(JerText.Utf8(jer));
                Assert.Equal(ModelFlattener.Flatten(denm), ModelFlattener.Flatten(read));
                Assert.Equal(jer, JerText.Write(read));
                Assert.Equal(RoundTripPropertyTests.Encode(denm), RoundTripPropertyTests.Encode(read));
                Assert.Empty(JerCodec.OmittedExtensionGroups(read));
            },
            iter: Iterations);

    private static void DropRawExtensionGroups(Denm.V2.Denm denm)
    {
        if (denm.Payload.Location is { } location)
        {
            location.ExtensionGroupV22Raw = null;
        }

        if (denm.Payload.Alacarte is { } alacarte)
        {
            alacarte.ExtensionGroupV22Raw = null;
        }
    }
}
