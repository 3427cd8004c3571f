namespace StepProducer.Host.Input;

/// <summary>What an input line carries.</summary>
public enum InputKind
{
    /// <summary>CloudEvent <c>step.crash_prediction.station_collisions.v1</c>.</summary>
    StationCollisions,

    /// <summary>CloudEvent <c>step.den.termination.v1</c>.</summary>
    Termination,

    /// <summary><c>{"uper": "&lt;hex&gt;"}</c>: a DENM received from another station.</summary>
    ReceivedDenm,
}
