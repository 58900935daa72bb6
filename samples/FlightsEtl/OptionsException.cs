using System;

namespace FlightsEtl;

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class OptionsException(string message) : Exception(message);
