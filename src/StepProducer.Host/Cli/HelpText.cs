namespace StepProducer.Host.Cli;

/// <summary>The text of <c>--help</c>.</summary>
public static class HelpText
{
    public const string Usage = """
        Usage: step_producer [OPTIONS]
               step_producer denm encode|decode [--asn1 v1|v2] [HEX...]

        The DEN (Decentralized Environmental Notification) service of the STEP C-ITS platform.
        Without --config it runs with the built-in defaults (stationId 1, no redis section) in
        stdin/stdout mode: CloudEvents and {"uper": "<hex>"} lines in, one DENM record per line out.

        Options:
          -c, --config FILE          run the producer with the config FILE (JSON, version 1)
          -i, --instance NAME        override instanceName
          -s, --conf_schema [FILE]   write the config JSON schema to FILE, or to stdout
          -t, --conf_template FILE   write a complete config template with every key and its default
          -v, --version              print "step_producer <version>" and exit
          -h, --help                 print this help and exit

        Subcommands:
          denm decode [--asn1 v1|v2] [HEX...]   UPER hex (arguments or stdin lines) to JER, one per line
          denm encode [--asn1 v1|v2]            JER lines on stdin to UPER hex

        Exit codes: 0 success, 1 runtime failure, 2 usage error, 3 config error,
                    4 lost Redis ownership (Redis transport), 130 second SIGINT.
        """;
}
