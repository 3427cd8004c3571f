using BenchmarkDotNet.Attributes;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Jer;

namespace StepProducer.Benchmarks;

/// <summary>
/// JER (ITU-T X.697) write and read of the typical collision-risk DENM: typical_denm.json in the test vectors
/// (EN 302 637-3 v1.3.1; management, situation with cause 97, one trace of 10 path points; 136 octets of UPER).
/// Target on the 2-core x64 machine, default job: write ≤ 1.5 µs with 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class JerBenchmarks
{
    /// <summary>The uper_hex of tests/StepProducer.Encoding.Tests/Vectors/typical_denm.json.</summary>
    private const string TypicalUperHex =
        "0201000007d2c7800003e90003945f680b000517da02c3252c3d67c6cb0bd8e1f412c3841944cf4800080630f14c20400abf70301b2b19c0031dfb6380e358d3001a2fda2c0756c64800c37ec4e03d36360006dbf5d701f8b19c00325fab98108d8c40018afd48c0896c67000ef7e97e047d634c0063bf46f0252b19c00305fa05813358c9001980";

    private readonly JerPooledWriter _writer = new();
    private Encoding.Denm.V1.Denm _typical = null!;
    private byte[] _typicalJer = [];

    [GlobalSetup]
    public void Setup()
    {
        _typical = DenmV1Codec.Decode(Convert.FromHexString(TypicalUperHex));
        _typicalJer = _writer.Write(_typical).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    /// <summary>Compact JER of the typical DENM into the writer's reused buffer.</summary>
    [Benchmark]
    public int WriteTypical() => _writer.Write(_typical).Length;

    /// <summary>The typical DENM's JER back into a new model (allocates the model, as a decode does).</summary>
    [Benchmark]
    public Encoding.Denm.V1.Denm ReadTypical() => JerCodec.ReadV1(_typicalJer);
}
