using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>The portal's palette. Colours chosen for WCAG AA contrast in both light and dark mode.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f8a",
            Secondary = "#6a1b9a",
            AppbarBackground = "#0b4f8a",
            AppbarText = "#ffffff",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b71c1c",
            Info = "#01579b",
            TextSecondary = "rgba(0,0,0,0.70)",
            DrawerText = "rgba(0,0,0,0.87)",
            DrawerIcon = "rgba(0,0,0,0.70)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            PrimaryContrastText = "#0d1b2a",
            Secondary = "#ce93d8",
            SecondaryContrastText = "#1a0d20",
            SuccessContrastText = "#0d1b0e",
            WarningContrastText = "#1f1300",
            ErrorContrastText = "#200808",
            InfoContrastText = "#061a24",
            AppbarBackground = "#1e2a38",
            AppbarText = "#ffffff",
            Success = "#81c784",
            Warning = "#ffb74d",
            Error = "#ef9a9a",
            Info = "#81d4fa",
            TextSecondary = "rgba(255,255,255,0.75)",
        },
    };
}
