var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

// Reads the body, as a hook does, and answers a constant JSON document.
app.MapPost("/cds-services/{id}", async (HttpRequest request) =>
{
    using var buffer = new MemoryStream();
    await request.Body.CopyToAsync(buffer);
    return Results.Text("""{"cards":[]}""", "application/json");
});
app.Run();
