using System.Buffers;
using BenchmarkDotNet.Attributes;
using StepProducer.Encoding.Denm;

namespace StepProducer.Benchmarks;

/// <summary>
/// UPER encode and decode of three DENMs (targets on the 2-core x64 machine: typical encode ≤ 150 ns with
/// 0 B allocated, typical decode ≤ 300 ns, 0 B into a reused model). The DENMs are the golden vectors, decoded
/// once in setup: a minimal management-only v1 DENM, the typical v1 collision-risk DENM (136 octets:
/// management, situation 97/2, one trace of 10 path points with pathDeltaTime) and a v2 DENM with the
/// SituationContainer group linkedDenms + eventEnd.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    // tests/StepProducer.Encoding.Tests/Vectors/denm_vectors.json, "v1_new_management_only".
    private const string MinimalHex = "0201000003e900000001f48000945f680b000517da02c0052c3d67c6cb0bd8e1f412c3841944cf05";

    // tests/StepProducer.Encoding.Tests/Vectors/typical_denm.json.
    private const string TypicalHex =
        "0201000007d2c7800003e90003945f680b000517da02c3252c3d67c6cb0bd8e1f412c3841944cf4800080630f14c2040" +
        "0abf70301b2b19c0031dfb6380e358d3001a2fda2c0756c64800c37ec4e03d36360006dbf5d701f8b19c00325fab9810" +
        "8d8c40018afd48c0896c67000ef7e97e047d634c0063bf46f0252b19c00305fa05813358c9001980";

    // tests/StepProducer.Encoding.Tests/DenmCodec/DenmV2ExtensionTests.cs, linkedDenms (2) and eventEnd.
    private const string LinkedDenmsHex = "0201000003e9c6800001f48002945f680b000517da02c0052c3d67c6cb0bd8e1f412c3841944cf703e60b118410043f1000003e90004000007d2fffffff418000fdc23f8027ff36002763240";

    private readonly byte[] _destination = new byte[1024];
    private readonly Encoding.Denm.V1.Denm _reusedV1 = new();
    private readonly Encoding.Denm.V2.Denm _reusedV2 = new();
    private readonly ArrayBufferWriter<byte> _bufferWriter = new(1024);
    private byte[] _minimal = [];
    private byte[] _typical = [];
    private byte[] _linkedDenms = [];
    private Encoding.Denm.V1.Denm _minimalDenm = new();
    private Encoding.Denm.V1.Denm _typicalDenm = new();
    private Encoding.Denm.V2.Denm _linkedDenmsDenm = new();

    [GlobalSetup]
    public void Setup()
    {
        _minimal = Convert.FromHexString(MinimalHex);
        _typical = Convert.FromHexString(TypicalHex);
        _linkedDenms = Convert.FromHexString(LinkedDenmsHex);
        _minimalDenm = DenmV1Codec.Decode(_minimal);
        _typicalDenm = DenmV1Codec.Decode(_typical);
        _linkedDenmsDenm = DenmV2Codec.Decode(_linkedDenms);
        if (_typical.Length != 136)
        {
            throw new InvalidOperationException("the typical DENM vector is 136 octets");
        }
    }

    [Benchmark]
    public int EncodeMinimal() => DenmV1Codec.TryEncode(_minimalDenm, _destination, out var written) ? written : -1;

    [Benchmark]
    public int EncodeTypical() => DenmV1Codec.TryEncode(_typicalDenm, _destination, out var written) ? written : -1;

    [Benchmark]
    public int EncodeTypicalIntoBufferWriter()
    {
        _bufferWriter.ResetWrittenCount();
        return DenmV1Codec.Encode(_typicalDenm, _bufferWriter);
    }

    [Benchmark]
    public int EncodeV2LinkedDenms() => DenmV2Codec.TryEncode(_linkedDenmsDenm, _destination, out var written) ? written : -1;

    [Benchmark]
    public Encoding.Denm.V1.Denm DecodeMinimalReused()
    {
        DenmV1Codec.Decode(_minimal, _reusedV1);
        return _reusedV1;
    }

    [Benchmark]
    public Encoding.Denm.V1.Denm DecodeTypicalReused()
    {
        DenmV1Codec.Decode(_typical, _reusedV1);
        return _reusedV1;
    }

    [Benchmark]
    public Encoding.Denm.V1.Denm DecodeTypicalNew() => DenmV1Codec.Decode(_typical);

    [Benchmark]
    public Encoding.Denm.V2.Denm DecodeV2LinkedDenmsReused()
    {
        DenmV2Codec.Decode(_linkedDenms, _reusedV2);
        return _reusedV2;
    }
}
