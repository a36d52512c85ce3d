/** `npm run bench`: every benchmark in turn. Record the output in bench/RESULTS.md. */
export {};
await import('./registry');
console.log('');
await import('./negotiation');
