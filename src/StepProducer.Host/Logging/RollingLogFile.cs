namespace StepProducer.Host.Logging;

/// <summary>
/// The files of one <c>file</c> log handler: <c>producer.log</c>, then <c>producer_001.log</c>,
/// <c>producer_002.log</c>, ... (the sequence number before the extension, at least three digits). An entry
/// that would take the current file past <c>maxSizeMb</c> goes to the next file, so no file exceeds the limit
/// (an entry larger than the limit gets a file of its own); after each roll only the newest <c>maxFiles</c>
/// files, the current one included, are kept. A restarted program appends to the newest file there is.
/// Not thread-safe: <see cref="RollingFileLoggerProvider"/> serializes the calls.
/// </summary>
internal sealed class RollingLogFile : IDisposable
{
    /// <summary>The base file (no suffix) counts as sequence 0.</summary>
    private const int BaseSequence = 0;

    /// <summary>Suffixes are zero-padded to three digits (<c>_001</c>), and grow beyond 999 as needed.</summary>
    private const string SequenceFormat = "000";

    private readonly string _directory;
    private readonly string _stem;
    private readonly string _extension;
    private readonly long _maxBytes;
    private readonly int _maxFiles;
    private FileStream? _current;
    private int _sequence;

    /// <param name="path">The base file's path; its folder is created when missing, and the file is opened here, so
    /// that a path the program cannot write fails at start.</param>
    /// <param name="maxBytes">The size a file may reach.</param>
    /// <param name="maxFiles">How many files are kept, the current one included.</param>
    public RollingLogFile(string path, long maxBytes, int maxFiles)
    {
        var fullPath = Path.GetFullPath(path);
        _directory = Path.GetDirectoryName(fullPath)!;
        _stem = Path.GetFileNameWithoutExtension(fullPath);
        _extension = Path.GetExtension(fullPath);
        _maxBytes = maxBytes;
        _maxFiles = maxFiles;
        Directory.CreateDirectory(_directory);
        _sequence = ExistingSequences().DefaultIfEmpty(BaseSequence).Max();
        _current = Open();
    }

    /// <summary>The file entries go to now.</summary>
    public string CurrentPath => FilePath(_sequence);

    /// <summary>
    /// Appends one whole entry, in one write. The file is (re)opened here: after a failed write (disk full, file
    /// removed) the next entry tries again instead of the handler going quiet for good.
    /// </summary>
    public void Append(ReadOnlySpan<byte> entry)
    {
        var file = _current ??= Open();
        if (file.Length > 0 && file.Length + entry.Length > _maxBytes)
        {
            file.Dispose();
            _current = null;
            _sequence++;
            file = _current = Open();
            DeleteBeyondRetention();
        }

        try
        {
            file.Write(entry);
        }
        catch (IOException)
        {
            _current = null;
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
    }

    private FileStream Open() =>
        // bufferSize 0: every entry is one write(2) and is on disk (in the page cache) when Append returns.
        new(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);

    private string FilePath(int sequence) => Path.Combine(_directory,
        sequence == BaseSequence ? _stem + _extension : $"{_stem}_{sequence.ToString(SequenceFormat, System.Globalization.CultureInfo.InvariantCulture)}{_extension}");

    private void DeleteBeyondRetention()
    {
        foreach (var sequence in ExistingSequences().OrderDescending().Skip(_maxFiles))
        {
            // Another process (logrotate, an operator) may have removed it first: then it is gone, as intended.
            File.Delete(FilePath(sequence));
        }
    }

    /// <summary>The sequence numbers of this handler's files in its folder; other files are left alone.</summary>
    private IEnumerable<int> ExistingSequences() =>
        Directory.EnumerateFiles(_directory, _stem + "*" + _extension)
            .Select(file => SequenceOf(Path.GetFileName(file)))
            .OfType<int>();

    /// <summary>0 for the base file name, N for <c>{stem}_{N}{extension}</c> (at least three digits), else null.</summary>
    private int? SequenceOf(string name)
    {
        if (name.Length == _stem.Length + _extension.Length)
        {
            return BaseSequence;
        }

        var suffix = name.AsSpan(_stem.Length, name.Length - _stem.Length - _extension.Length);
        return suffix.Length > SequenceFormat.Length && suffix[0] == '_' && !suffix[1..].ContainsAnyExceptInRange('0', '9')
            && int.TryParse(suffix[1..], System.Globalization.CultureInfo.InvariantCulture, out var sequence)
                ? sequence
                : null;
    }
}
