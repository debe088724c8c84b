using System.Diagnostics.CodeAnalysis;

// Test names follow HOUSE-STYLE's Should_<outcome>_when_<condition>, which CA1707 forbids.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Should_<outcome>_when_<condition> test names (HOUSE-STYLE)", Scope = "namespaceanddescendants", Target = "~N:KpuTriage.Tests.Extraction")]
