/** `JPY 14,000,000`: the amount rounded to whole units with thousands separators, locale-free. */
export function formatMoney(amount: number, currency: string): string {
  const digits = Math.round(Math.abs(amount)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${amount < 0 ? '-' : ''}${grouped}`;
}
