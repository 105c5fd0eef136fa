/** web-vitals, loaded when the page reports them (the script tag's loader swaps in its chunk). */
export const loadVitals = () => import('web-vitals');
