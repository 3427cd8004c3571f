using CsCheck;
using StepProducer.Encoding.Jer;

namespace StepProducer.Encoding.Tests.Jer;

/// <summary>
/// Broken JER of every kind gives a <see cref="JerException"/> and never any other exception: every truncation
/// of a valid text, and random corruptions of it (bounded sample counts).
/// </summary>
public class JerMalformedInputTests
{
    // Enough corrupted texts to hit every token kind of the typical DENM many times; about a second.
    private const int CorruptionSamples = 3000;

    [Theory]
    [InlineData("v1", JerExpectedTexts.V1Typical)]
    [InlineData("v2", JerExpectedTexts.V2CollisionRiskSub4)]
    public void EveryTruncation_GivesJerException(string version, string json)
    {
        var utf8 = JerText.Utf8(json);
        for (var length = 0; length < utf8.Length; length++)
        {
            var prefix = utf8.AsSpan(0, length).ToArray();
            var error = Assert.Throws<JerException>(() => Read(version, prefix));
            Assert.NotEmpty(error.Rule);
        }
    }

    [Theory]
    [InlineData("v1", JerExpectedTexts.V1Typical)]
    [InlineData("v2", JerExpectedTexts.V2CollisionRiskSub4)]
    public void RandomCorruption_ReadsOrGivesJerException(string version, string json)
    {
        var utf8 = JerText.Utf8(json);

        // One to four positions overwritten with any byte (JSON punctuation, digits, letters, invalid UTF-8).
        var corruption = Gen.Select(Gen.Int[0, utf8.Length - 1], Gen.Byte).Array[1, 4];
        corruption.Sample(
            edits =>
            {
                var text = (byte[])utf8.Clone();
                foreach (var (position, value) in edits)
                {
                    text[position] = value;
                }

                try
                {
                    Read(version, text);
                }
                catch (JerException error)
                {
                    Assert.NotEmpty(error.Rule);
                }
            },
            iter: CorruptionSamples);
    }

    private static object Read(string version, byte[] utf8) =>
        version == "v1" ? JerCodec.ReadV1(utf8) : JerCodec.ReadV2(utf8);
}
