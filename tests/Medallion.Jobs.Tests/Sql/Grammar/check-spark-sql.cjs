// Reads a JSON array of SQL statements on stdin and writes, for each, the syntax errors the
// SparkSQL grammar of dt-sql-parser finds: [[{line, column, message}], ...].
// Usage: node check-spark-sql.cjs <path of the bundled dt-sql-parser (spark-sql.cjs)>
'use strict';
const { SparkSQL } = require(process.argv[2]);

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const parser = new SparkSQL();
  const results = JSON.parse(input).map(sql => parser.validate(sql).map(e => ({
    line: e.startLine, column: e.startColumn, message: e.message,
  })));
  process.stdout.write(JSON.stringify(results));
});
