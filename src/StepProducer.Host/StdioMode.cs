using Microsoft.Extensions.Logging;
using StepProducer.Host.Configuration;

namespace StepProducer.Host;

internal static class StdioMode
{
    public static int Run(ProducerConfig config, bool retime, ILoggerFactory loggerFactory, ILogger logger) => 1;
}
