using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace TaskGraph.Resume.Tests;

/// <summary>What the JSON store refuses: the rule shared with the Orleans travel rules and TG0012, then what JSON cannot read back.</summary>
public class StorableTypeTests
{
    private static readonly JsonResultStore Store = new NothingStored();

    [Theory]
    [InlineData(typeof(MemoryStream), "is a stream")]
    [InlineData(typeof(List<Stream>), "holds 'System.IO.Stream', which is a stream")]
    [InlineData(typeof(Func<int>), "is a delegate")]
    [InlineData(typeof(System.Threading.Tasks.Task<int>), "is a task")]
    [InlineData(typeof(Type), "is a reflection object")]
    [InlineData(typeof(System.Threading.Timer), "IDisposable")]
    [InlineData(typeof(object), "is abstract")]
    [InlineData(typeof(IProgress<long>), "is abstract")]
    public void Refused_types_say_why(Type type, string reason)
        => Assert.Contains(reason, Store.CannotStore(type), StringComparison.Ordinal);

    [Theory]
    [InlineData(typeof(long[]))]
    [InlineData(typeof(ArraySegment<long>))]
    [InlineData(typeof(IReadOnlyList<long>))]
    [InlineData(typeof(Dictionary<string, double>))]
    [InlineData(typeof(TimeSpan))]
    [InlineData(typeof(string))]
    public void Plain_data_is_stored(Type type) => Assert.Null(Store.CannotStore(type));

    [Fact]
    public void Equal_values_have_equal_fingerprints_and_others_differ()
    {
        Assert.Equal(Store.Fingerprint(new[] { 1L, 2L }, typeof(long[])), Store.Fingerprint(new[] { 1L, 2L }, typeof(long[])));
        Assert.NotEqual(Store.Fingerprint(new[] { 1L, 2L }, typeof(long[])), Store.Fingerprint(new[] { 2L, 1L }, typeof(long[])));
        Assert.NotEqual(Store.Fingerprint(1, typeof(int)), Store.Fingerprint(1L, typeof(long)));
    }

    private sealed class NothingStored : JsonResultStore
    {
        protected override bool TryReadBytes(string key, out byte[] value, out byte[] checksum)
        {
            value = checksum = [];
            return false;
        }

        protected override void WriteBytes(string key, string task, byte[] value, byte[] checksum)
        {
        }
    }
}
