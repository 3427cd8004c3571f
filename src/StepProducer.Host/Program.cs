namespace StepProducer.Host;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("step_producer: not implemented yet");
        return 1;
    }
}
