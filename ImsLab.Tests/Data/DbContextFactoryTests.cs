using ImsLab.Data;
using Npgsql;

namespace ImsLab.Tests.Data;

public sealed class DbContextFactoryTests
{
    [Fact]
    public void PostgresStatementsArePreparedAutomaticallyUnlessTheConnectionStringSaysOtherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithHotPathDefaults("Host=db;Database=imslab;Password=secret"));
        Assert.Equal(ImsLabDbContextFactory.DefaultMaxAutoPrepare, defaulted.MaxAutoPrepare);
        Assert.Equal("secret", defaulted.Password);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithHotPathDefaults("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithHotPathDefaults("Host=db;maxautoprepare=5")).MaxAutoPrepare);
    }

    [Fact]
    public void PooledPostgresConnectionsAreNotResetUnlessTheConnectionStringSaysOtherwise()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithHotPathDefaults("Host=db;Database=imslab")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithHotPathDefaults("Host=db;No Reset On Close=false")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(ImsLabDbContextFactory.WithHotPathDefaults("Host=db;noresetonclose=false")).NoResetOnClose);
    }
}
