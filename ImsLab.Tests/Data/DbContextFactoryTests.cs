using ImsLab.Data;
using Npgsql;

namespace ImsLab.Tests.Data;

public sealed class DbContextFactoryTests
{
    [Fact]
    public void PostgresStatementsArePreparedAutomaticallyUnlessTheConnectionStringSaysOtherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithAutoPrepare("Host=db;Database=imslab;Password=secret"));
        Assert.Equal(ImsLabDbContextFactory.DefaultMaxAutoPrepare, defaulted.MaxAutoPrepare);
        Assert.Equal("secret", defaulted.Password);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithAutoPrepare("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithAutoPrepare("Host=db;maxautoprepare=5")).MaxAutoPrepare);
    }
}
