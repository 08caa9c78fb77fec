using ImsLab.Api.Hosting;
using ImsLab.Api.Operations.Metrics;

var builder = WebApplication.CreateBuilder(args);

builder.AddImsLabConfiguration();
builder.Services.AddImsLabOperations();
builder.Services.AddImsLabApiDocumentation();
builder.AddImsLabDashboard();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<HttpMetricsMiddleware>();
app.UseAntiforgery();

app.MapImsLabOperations();
app.MapImsLabApiDocumentation();
app.MapImsLabDashboard();

app.Run();

/// <summary>Entry point, public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
