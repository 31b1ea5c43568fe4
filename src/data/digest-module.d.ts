// The build's digest of the dataset it checked (scripts/vite-dataset-plugin.ts, src/data/digest.ts).
declare module 'virtual:atlas-dataset-digest' {
  const digest: import('./digest.ts').DatasetDigest;
  export default digest;
}
