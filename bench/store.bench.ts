import { openStore } from '../src/store/index.js';
import { median } from './stats.js';

/** Embedded database: time to open and migrate an in-memory PGlite, and single-row insert cost. */
export default async function storeBench(): Promise<void> {
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const store = await openStore({ dataDir: 'memory://' });
    opens.push(performance.now() - t0);
    if (i === 2) {
      await store.query('create table bench (id int primary key, v text)');
      const t1 = performance.now();
      for (let n = 0; n < 500; n++) await store.query('insert into bench values ($1, $2)', [n, 'x']);
      console.log(`pglite insert: ${((performance.now() - t1) / 500).toFixed(3)} ms per row (500 rows)`);
    }
    await store.close();
  }
  console.log(`pglite open + migrate (memory): median ${median(opens).toFixed(0)} ms of ${opens.length}`);
}
