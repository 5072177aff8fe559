export const deleteCount = (n: number): string =>
  n === 0 ? 'Nothing was deleted.' : `Deleted ${n} ${n === 1 ? 'generation' : 'generations'} (moved to the trash).`;
