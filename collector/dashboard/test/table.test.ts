import { expect } from '@open-wc/testing';
import { nextSort, tableView, type TableState } from '../src/table.js';

type Row = { url: string; views: number; k: number };
const rows: Row[] = [
  { url: 'https://b.example/beta', views: 10, k: 0.5 },
  { url: 'https://b.example/alpha', views: 30, k: 0.1 },
  { url: 'https://b.example/gamma', views: 20, k: 0.9 },
  { url: 'https://b.example/Alphabet', views: 5, k: 0 },
];
const start: TableState<keyof Row> = { sort: 'views', direction: 'descending', filter: '', page: 0, pageSize: 2 };

describe('pages table', () => {
  it('sorts by a number column, largest first, and pages the result', () => {
    const view = tableView(rows, start, 'url');
    expect(view.rows.map((r) => r.views)).to.deep.equal([30, 20]);
    expect(view.pages).to.equal(2);
    expect(tableView(rows, { ...start, page: 1 }, 'url').rows.map((r) => r.views)).to.deep.equal([10, 5]);
  });

  it('sorts text columns by locale order and flips on a second click', () => {
    const byUrl = nextSort(start, 'url');
    expect(byUrl.direction).to.equal('descending');
    const ascending = nextSort(byUrl, 'url');
    expect(ascending.direction).to.equal('ascending');
    expect(tableView(rows, { ...ascending, pageSize: 10 }, 'url').rows.map((r) => r.url.split('/')[3])).to.deep.equal(['alpha', 'Alphabet', 'beta', 'gamma']);
  });

  it('filters case-insensitively on the text column and counts the matches', () => {
    const view = tableView(rows, { ...start, filter: ' ALPHA ' }, 'url');
    expect(view.matching).to.equal(2);
    expect(view.rows.map((r) => r.views)).to.deep.equal([30, 5]);
  });

  it('keeps the page within range when a filter shrinks the list', () => {
    const view = tableView(rows, { ...start, page: 5, filter: 'gamma' }, 'url');
    expect(view.page).to.equal(0);
    expect(view.rows).to.have.length(1);
  });

  it('a new column sorts descending from the first page', () => {
    expect(nextSort({ ...start, page: 3 }, 'k')).to.deep.equal({ ...start, sort: 'k', direction: 'descending', page: 0 });
  });
});
