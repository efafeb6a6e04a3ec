// The handbook's search box, loaded on first use. It drives Pagefind's JS
// API: results show kind, owner and cycle; filters come from the index
// (which takes them from the validated model); arrow keys move through
// results and Escape closes them.
const FILTERS = ['kind', 'cycle', 'team', 'owner'];

/** English, for a page that does not hand over its language's words (`data-messages`). */
const ENGLISH = {
  any: '{filter}: any',
  filterBy: 'Filter by {filter}',
  prompt: 'Type to search objectives, key results, people, teams, cycles, reviews and the glossary.',
  noResults: 'No results.',
  best: 'The best {shown} of {total} results; add words or a filter to narrow them.',
  one: '{count} result.',
  other: '{count} results.',
  filters: { kind: 'Kind', cycle: 'Cycle', team: 'Team', owner: 'Owner' },
  locale: 'en',
};

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (slot, name) => (name in values ? String(values[name]) : slot));

export async function attach(form, input) {
  const base = form.dataset.base;
  const messages = form.dataset.messages ? JSON.parse(form.dataset.messages) : ENGLISH;
  const plurals = new Intl.PluralRules(messages.locale);
  const panel = form.querySelector('#site-search-results');
  const pagefind = await import(`${base}pagefind/pagefind.js`);
  await pagefind.options({ baseUrl: base });
  const available = await pagefind.filters();

  const controls = document.createElement('div');
  controls.className = 'search-filters';
  const selects = new Map();
  for (const name of FILTERS) {
    const label = messages.filters[name];
    const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b, messages.locale));
    if (values.length === 0) continue;
    const select = document.createElement('select');
    select.name = name;
    select.append(new Option(fill(messages.any, { filter: label }), ''));
    for (const value of values) select.append(new Option(value, value));
    select.setAttribute('aria-label', fill(messages.filterBy, { filter: label }));
    select.addEventListener('change', run);
    selects.set(name, select);
    controls.append(select);
  }
  const status = document.createElement('p');
  status.className = 'muted search-status';
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'search-results';
  panel.replaceChildren(controls, status, list);

  let generation = 0;
  async function run() {
    const term = input.value.trim();
    const filters = {};
    for (const [name, select] of selects) if (select.value) filters[name] = select.value;
    if (!term && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = messages.prompt;
      panel.hidden = false;
      return;
    }
    const mine = ++generation;
    const search = await pagefind.search(term || null, { filters });
    if (mine !== generation) return; // a newer search has started
    const data = await Promise.all(search.results.slice(0, 16).map((result) => result.data()));
    if (mine !== generation) return;
    // A glossary term can match twice, as its page and as its synonyms: show it once.
    const seen = new Set();
    const results = data.filter((result) => !seen.has(result.url) && seen.add(result.url)).slice(0, 12);
    list.replaceChildren(...results.map(renderResult));
    const total = search.results.length;
    status.textContent =
      results.length === 0
        ? messages.noResults
        : results.length < total
          ? fill(messages.best, { shown: results.length, total })
          : fill(plurals.select(total) === 'one' ? messages.one : messages.other, { count: total });
    panel.hidden = false;
  }

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
