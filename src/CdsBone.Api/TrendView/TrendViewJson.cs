using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsBone.Api.TrendView;

/// <summary>Source-generated JSON of the app's own payloads (appContext, the cookies' contents, OAuth answers).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TrendAppContext))]
[JsonSerializable(typeof(LaunchState))]
[JsonSerializable(typeof(TrendSession))]
[JsonSerializable(typeof(SmartConfiguration))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class TrendViewJsonContext : JsonSerializerContext;
