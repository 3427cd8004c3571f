using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>The Native AOT binaries of ./build.sh publish: ELF target, dynamic libraries, glibc floor.</summary>
public sealed class NativeBinaryTests
{
    /// <summary>bullseye's glibc: RSU images often run older distributions (issue 6).</summary>
    private static readonly Version GlibcFloorMaximum = new(2, 31);

    [Theory]
    [InlineData("linux-x64", "Advanced Micro Devices X86-64")]
    [InlineData("linux-arm64", "AArch64")]
    public async Task Binary_is_an_elf_executable_for_its_architecture(string rid, string machine)
    {
        var header = await Tool.RunCheckedAsync("readelf", ["-h", BuildArtifacts.Binary(rid)]);

        Assert.Matches($@"Machine:\s+{machine}\n", header.StandardOutput);
        Assert.Matches(@"Type:\s+DYN \(Position-Independent Executable file\)", header.StandardOutput);
    }

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("linux-arm64")]
    public async Task Binary_links_libm_dynamically_and_needs_no_other_library_than_glibc(string rid)
    {
        var dynamic = await Tool.RunCheckedAsync("readelf", ["-d", BuildArtifacts.Binary(rid)]);
        var needed = dynamic.StandardOutputLines
            .Where(line => line.Contains("(NEEDED)", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf('[') + 1)..line.IndexOf(']')])
            .ToHashSet();

        // A sysroot with absolute symlinks makes lld link libm.a statically without a word.
        Assert.Contains("libm.so.6", needed);
        // Every NEEDED library is part of glibc (librt and libpthread are separate files up to glibc 2.33), so
        // the libc6 dependency covers them. OpenSSL is loaded at run time for TLS, so the package depends on it
        // but the binary does not.
        Assert.All(needed, library => Assert.Matches(@"^(libc|libm|libdl|libpthread|librt|ld-linux-[a-z0-9-]+)\.so\.\d+$", library));
    }

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("linux-arm64")]
    public async Task Binary_needs_at_most_glibc_2_31(string rid)
    {
        var floor = await Tool.GlibcFloorAsync(BuildArtifacts.Binary(rid));

        Assert.True(floor <= GlibcFloorMaximum, $"{rid} needs glibc {floor}, above {GlibcFloorMaximum}");
    }

    [Fact]
    public async Task Symbols_are_kept_beside_the_binary_and_out_of_it()
    {
        var binary = BuildArtifacts.Binary("linux-x64");
        var sections = await Tool.RunCheckedAsync("readelf", ["-S", "-W", binary]);

        Assert.True(File.Exists(binary + ".dbg"), $"{binary}.dbg is missing");
        Assert.DoesNotContain(".debug_info", sections.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(".gnu_debuglink", sections.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_option_prints_the_product_version()
    {
        var version = await Tool.RunCheckedAsync(BuildArtifacts.Binary("linux-x64"), ["--version"]);

        Assert.Equal($"step_producer {BuildArtifacts.Version}", version.StandardOutput.Trim());
    }
}
