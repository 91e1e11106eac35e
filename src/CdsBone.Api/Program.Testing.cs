/// <summary>Exposes the entry point to WebApplicationFactory in the tests (the eShop pattern).</summary>
public partial class Program;
