using System.Xml.Linq;
using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// The binaries, sysroots and packages that <c>./build.sh package</c> leaves in artifacts/. The tests
/// check those real artifacts; when one is missing they fail and say how to make it.
/// </summary>
internal static class BuildArtifacts
{
    public static string Root => RepoPaths.Combine("artifacts");

    /// <summary>The single product version (Directory.Build.props Version).</summary>
    public static string Version => ReadProductProperty("Version");

    /// <summary>The package release (Directory.Build.props PackageRelease).</summary>
    public static string Release => ReadProductProperty("PackageRelease");

    public static string Binary(string rid) => Require(Path.Combine(Root, rid, "step_producer"));

    public static string Sysroot(string rid) => Require(Path.Combine(Root, "sysroot", rid, ".complete"), isMarker: true);

    public static string DebianPackage(string debianArch) =>
        Require(Path.Combine(Root, "packages", $"step-producer_{Version}_{debianArch}.deb"));

    public static string RpmPackage(string rpmArch) =>
        Require(Path.Combine(Root, "packages", $"step-producer-{Version}-{Release}.{rpmArch}.rpm"));

    private static string Require(string path, bool isMarker = false)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing: run ./build.sh package first (it publishes the AOT binaries and builds the packages).");
        }

        return isMarker ? Path.GetDirectoryName(path)! : path;
    }

    private static string ReadProductProperty(string name)
    {
        var props = XDocument.Load(RepoPaths.Combine("Directory.Build.props"));
        return props.Descendants(name).Single().Value;
    }
}
