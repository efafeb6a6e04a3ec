// The handbook's search box, loaded on first use. It drives Pagefind's JS
// API: results show kind, owner and cycle; filters come from the index
// (which takes them from the validated model); arrow keys move through
// results and Escape closes them. Its words come from the page (`data-labels`,
// written by src/layouts/BaseLayout.astro from the handbook's message catalogue).
import { rankedSearch } from './search-rank.js';

const FILTERS = ['kind', 'cycle', 'team', 'owner'];

/** How many results are shown at first, and added by each "more". */
const PAGE = 12;

/** `{name}` placeholders in a label, filled in. */
const fill = (label, values) => label.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

/** Pagefind's search API, for a site served under `base`. */
export async function openPagefind(base) {
  const pagefind = await import(`${base}pagefind/pagefind.js`);
  await pagefind.options({ baseUrl: base });
  return pagefind;
}

export async function attach(form, input) {
  const base = form.dataset.base;
  const labels = JSON.parse(form.dataset.labels);
  const panel = form.querySelector('#site-search-results');
  const pagefind = await openPagefind(base);
  const available = await pagefind.filters();

  const controls = document.createElement('div');
  controls.className = 'search-filters';
  const selects = new Map();
  for (const name of FILTERS) {
    const label = labels.filters[name];
    const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b, labels.locale));
    if (values.length === 0) continue;
    const select = document.createElement('select');
    select.name = name;
    select.append(new Option(fill(labels.any, { filter: label }), ''));
    for (const value of values) select.append(new Option(value, value));
    select.setAttribute('aria-label', fill(labels.filterBy, { filter: label }));
    select.addEventListener('change', run);
    selects.set(name, select);
    controls.append(select);
  }
  const status = document.createElement('p');
  status.className = 'muted search-status';
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'search-results';
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.hidden = true;
  panel.replaceChildren(controls, status, list, more);

  let generation = 0;
  let current;
  let shown = 0;
  async function run() {
    const term = input.value.trim();
    const filters = {};
    for (const [name, select] of selects) if (select.value) filters[name] = select.value;
    if (!term && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = labels.prompt;
      more.hidden = true;
      panel.hidden = false;
      return;
    }
    const mine = ++generation;
    const search = await rankedSearch(pagefind, term, filters);
    const results = await search.next(PAGE);
    if (mine !== generation) return; // a newer search has started
    current = search;
    shown = results.length;
    list.replaceChildren(...results.map(renderResult));
    showStatus();
    panel.hidden = false;
  }

  /** Says how many results there are and offers the next ones. */
  function showStatus() {
    const total = current.total;
    const left = current.hasMore();
    status.textContent =
      shown === 0 ? labels.none : left ? fill(labels.some, { shown, total }) : shown === 1 ? labels.one : fill(labels.all, { total: shown });
    more.hidden = !left;
    more.textContent = fill(labels.more, { count: Math.min(PAGE, Math.max(total - shown, 1)) });
  }

  more.addEventListener('click', async () => {
    const mine = generation;
    const results = await current.next(PAGE);
    if (mine !== generation || results.length === 0) return;
    const items = results.map(renderResult);
    list.append(...items);
    shown += results.length;
    showStatus();
    // The reader carries on from the first new result.
    items[0].querySelector('a').focus();
  });

  function renderResult(data) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta.title ?? data.url;
    const details = document.createElement('span');
    details.className = 'search-details';
    details.textContent = [data.meta.kind, data.meta.owner, data.meta.cycle].filter(Boolean).join(' · ');
    const excerpt = document.createElement('span');
    excerpt.className = 'search-excerpt';
    // Pagefind's excerpt is escaped text with <mark> around the matched words.
    excerpt.innerHTML = data.excerpt;
    item.append(link, details, excerpt);
    return item;
  }

  input.addEventListener('input', run);
  form.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll('a')];
    const index = links.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && links.length > 0) {
      event.preventDefault();
      if (index <= 0) input.focus();
      else links[index - 1].focus();
    } else if (event.key === 'Escape') {
      // One press closes the results; the browser would otherwise first clear the box.
      event.preventDefault();
      panel.hidden = true;
      input.focus();
    } else if (event.key === 'Enter' && document.activeElement === input && links.length > 0) {
      event.preventDefault();
      links[0].click();
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target)) panel.hidden = true;
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') panel.hidden = false;
  });
  await run();
}
