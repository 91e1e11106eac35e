namespace CdsBone.Cli.Ehr;

/// <summary>The hooks the tool can fire.</summary>
internal static class Hooks
{
    public const string OrderSign = "order-sign";
    public const string OrderSelect = "order-select";
    public const string PatientView = "patient-view";

    public static readonly string[] All = [OrderSign, OrderSelect, PatientView];

    /// <summary>Order hooks carry draftOrders.</summary>
    public static bool TakesDraftOrders(string hook) => hook is OrderSign or OrderSelect;
}
