var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHealthChecks();

var app = builder.Build();

app.MapHealthChecks("/health/live");

app.Run();

/// <summary>Entry point, public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
