import { expect } from '@open-wc/testing';
import { csvCell, fileName, toCsv, toJson, type Column } from '../src/export.js';

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
    const csv = toCsv([{ a: 1 }], [{ header: 'a', value: (r: { a: number }) => r.a }]);
    expect(csv).to.equal('\uFEFFa\r\n1\r\n');
  });

  it('quotes fields holding commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('plain')).to.equal('plain');
  });

  it('prefixes text that a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(text).replace(/^"/, '')).to.match(/^'/, text);
    }
    expect(csvCell('=1,2')).to.equal(`"'=1,2"`);
  });

  it('keeps numbers as numbers, negative ones too, and empty cells empty', () => {
    expect(csvCell(-3)).to.equal('-3');
    expect(csvCell(0.25)).to.equal('0.25');
    expect(csvCell(null)).to.equal('');
    expect(csvCell(undefined)).to.equal('');
  });

  it('writes the header row from the columns, in their order', () => {
    type Row = { url: string; views: number };
    const columns: Column<Row>[] = [
      { header: 'Seite', value: (r) => r.url },
      { header: 'Aufrufe', value: (r) => r.views },
    ];
    const csv = toCsv<Row>([{ url: 'https://blog.example/ä', views: 3 }, { url: '=cmd', views: 1 }], columns);
    expect(csv.slice(1).split('\r\n')).to.deep.equal(['Seite,Aufrufe', 'https://blog.example/ä,3', "'=cmd,1", '']);
  });
});

describe('JSON export and file names', () => {
  it('writes pretty JSON with a final line break', () => {
    expect(toJson({ a: [1] })).to.equal('{\n  "a": [\n    1\n  ]\n}\n');
  });

  it('makes a safe file name from a page URL and a range', () => {
    expect(fileName(['wom-report', 'https://blog.example/posts/a?x=1', '2026-11-01-2026-11-30'], 'csv')).to.equal(
      'wom-report-blog.example-posts-a-x-1-2026-11-01-2026-11-30.csv',
    );
    expect(fileName(['wom', undefined, 'ünï'], 'json')).to.equal('wom-ünï.json');
  });
});
