namespace StepProducer.AotSmoke;

/// <summary>Runs the real program, so the fully rooted binary can be compared with step_producer.</summary>
public static class Program
{
    public static int Main(string[] args) => StepProducer.Host.Program.Main(args);
}
