// Adaptive Card host configs close to Teams' light, dark and high-contrast themes, for rendering the
// bot's cards in a browser. Only what differs between themes is set; the rest is the library's default.

/** A theme's name. */
export type CardTheme = 'light' | 'dark' | 'contrast';

function colors(
  text: string,
  subtle: string,
  accent: string,
  good: string,
  attention: string,
  warning: string,
) {
  const pair = (value: string, subtleValue = value) => ({ default: value, subtle: subtleValue });
  return {
    default: pair(text, subtle),
    dark: pair(text, subtle),
    light: pair(text, subtle),
    accent: pair(accent),
    good: pair(good),
    warning: pair(warning),
    attention: pair(attention),
  };
}

const themes: Record<CardTheme, { background: string; emphasis: string; colors: ReturnType<typeof colors> }> =
  {
    light: {
      background: '#FFFFFF',
      emphasis: '#F5F5F5',
      colors: colors('#242424', '#616161', '#4F52B2', '#0E700E', '#C50F1F', '#835B00'),
    },
    dark: {
      background: '#292929',
      emphasis: '#1F1F1F',
      colors: colors('#FFFFFF', '#ADADAD', '#A6A7DC', '#54B054', '#F1707B', '#F2C661'),
    },
    contrast: {
      background: '#000000',
      emphasis: '#000000',
      colors: colors('#FFFFFF', '#FFFFFF', '#FFFF01', '#3FF23F', '#FF9999', '#FFFF01'),
    },
  };

/** The host config JSON of a theme. */
export function hostConfigOf(theme: CardTheme): Record<string, unknown> {
  const { background, emphasis, colors: foregroundColors } = themes[theme];
  return {
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    supportsInteractivity: true,
    containerStyles: {
      default: { backgroundColor: background, foregroundColors },
      emphasis: { backgroundColor: emphasis, foregroundColors },
    },
    actions: { maxActions: 6, actionsOrientation: 'horizontal', buttonSpacing: 8 },
  };
}

/** The page background of a theme. */
export function backgroundOf(theme: CardTheme): string {
  return themes[theme].background;
}
