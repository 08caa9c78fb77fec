using ImsLab.Api.Auth;
using ImsLab.Api.Hosting;
using ImsLab.Api.Live;
using ImsLab.Api.Operations.Metrics;
using ImsLab.Api.Sip;
using ImsLab.Api.Tools;
using ImsLab.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddImsLabConfiguration();
builder.Services.AddImsLabData(builder.Configuration);
builder.Services.AddImsLabSipEngine(builder.Configuration); // after the data layer: migrations run before bindings reload
builder.Services.AddImsLabOperations();
builder.Services.AddImsLabLiveEvents();
builder.AddImsLabAccessControl();
builder.Services.AddImsLabApiDocumentation();
builder.Services.AddImsLabRestApi();
builder.AddImsLabDashboard();

var app = builder.Build();

app.UseExceptionHandler();
app.UseImsLabStatusCodePages();
app.UseRouting(); // after the status pages, so a re-executed request is routed afresh
app.UseMiddleware<HttpMetricsMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapImsLabOperations();
app.MapImsLabApiDocumentation();
app.MapAuthApi();
app.MapAccessApi();
app.MapToolsApi();
app.MapImsLabRestApi();
app.MapImsLabLiveEvents();
app.MapImsLabDashboard();

app.Run();

/// <summary>Entry point, public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
