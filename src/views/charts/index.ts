export { HBarChart, type HBar, type HBarChartProps } from './HBarChart';
export { ScopeToggle } from './ScopeToggle';
export { useElementWidth, useWidth } from './useWidth';
export { formatCount, formatDecimal, formatMicros } from './numbers';
