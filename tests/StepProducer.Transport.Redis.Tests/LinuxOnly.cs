// These tests start redis-server and send POSIX signals (kill -9, SIGSTOP): they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
