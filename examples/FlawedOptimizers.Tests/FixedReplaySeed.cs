using FsCheck.Xunit;

// Every FsCheck property here runs from one fixed, replayable seed, so the example's tests are reproducible.
[assembly: Properties(Replay = "(20261123,12345678910111213)")]
