namespace StepProducer.Host; internal static class Daemon { public static int Run(StepProducer.Host.Cli.CommandLineOptions options) => 1; }
