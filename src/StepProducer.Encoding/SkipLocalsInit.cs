using System.Runtime.CompilerServices;

// Locals and stackalloc buffers start uninitialised: zeroing them costs time on every encode and decode.
// Audit (every stackalloc in this assembly): UperWriter.WriteUtf8String reads only the octets
// Encoding.UTF8.GetBytes wrote; the UperReader string methods read only the characters and octets they wrote
// before.
[module: SkipLocalsInit]
