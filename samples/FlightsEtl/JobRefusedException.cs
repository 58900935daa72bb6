using System;

namespace FlightsEtl;

/// <summary>
/// The job stopped before it could lose or overwrite something: another run holds the database, the data
/// folder holds CSV files the sample did not generate, the database cannot be written, or the input has no
/// rows to replace the result table with. The message names the path and what to do.
/// </summary>
public sealed class JobRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);
