// The filter script of the ownership, objectives and people pages, inlined
// into each of them (see src/components/FilterForm.astro; the attributes it
// reads are described in src/site/explorer.ts). It only shows and hides rows
// already in the page: no framework, no request. Without it the page is the
// full list, and its links lead to the narrower pages. An inline classic
// script: it waits for the rows below it.
{
const start = () => {
  const form = document.querySelector('form[data-explorer]');
  if (!form) return;
  const controls = [...form.querySelectorAll('select[name]')];
  const items = [...document.querySelectorAll('[data-item]')];
  const groups = [...document.querySelectorAll('[data-group]')];
  const count = document.querySelector('[data-explorer-count]');
  const empty = document.querySelector('[data-explorer-empty]');
  const keepLinks = [...document.querySelectorAll('a[data-keep-filters]')];
  const params = new URLSearchParams(location.search);

  // A cycle that is a page of its own (the ownership pages): go there, keeping the other filters.
  const cycle = params.get('cycle');
  if (cycle !== null && !controls.some((control) => control.name === 'cycle')) {
    const link = keepLinks.find((a) => a.dataset.cycle === cycle);
    params.delete('cycle');
    if (link && !link.hasAttribute('aria-current')) {
      const query = params.toString();
      location.replace(link.pathname + (query ? `?${query}` : '') + location.hash);
      return;
    }
  }

  for (const control of controls) {
    const value = params.get(control.name);
    if (value === null || value === '') continue;
    // A value the menu lacks (someone who owns nothing in this cycle) still filters, and the menu says so.
    if (![...control.options].some((option) => option.value === value)) control.add(new Option(value, value));
    control.value = value;
  }

  // A facet all rows of a group share (the ownership page's team) sits on the group, once.
  const facet = (item, name) => item.getAttribute(`data-${name}`) ?? item.closest('[data-group]')?.getAttribute(`data-${name}`) ?? '';
  const matches = (item, chosen) =>
    chosen.every(([name, value]) => {
      const held = facet(item, name).split(' ').filter(Boolean);
      return value === 'any' ? held.length > 0 : held.includes(value);
    });

  const apply = (writeAddress) => {
    const chosen = controls.filter((control) => control.value !== '').map((control) => [control.name, control.value]);
    let shown = 0;
    for (const item of items) {
      const show = matches(item, chosen);
      item.hidden = !show;
      if (show) shown += 1;
    }
    for (const group of groups) group.hidden = group.querySelector('[data-item]:not([hidden])') === null;
    if (count) count.textContent = chosen.length === 0 ? count.dataset.all : count.dataset.some.replace('{shown}', String(shown));
    if (empty) empty.hidden = shown > 0;
    for (const control of controls) {
      if (control.value === '') params.delete(control.name);
      else params.set(control.name, control.value);
    }
    const query = params.toString();
    if (writeAddress) history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    // Written as a path, as the page has it: assigning `link.search` would make it an absolute address.
    for (const link of keepLinks) link.setAttribute('href', `${link.pathname}${query ? `?${query}` : ''}`);
  };

  form.addEventListener('change', () => apply(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(true);
  });
  form.addEventListener('reset', () => setTimeout(() => apply(true)));
  form.hidden = false;
  apply(false);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
}
