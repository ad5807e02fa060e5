/**
 * How much dump text is read. `lspci -vvv` of a large server (a few thousand
 * functions) is 2 to 4 MB and /proc/interrupts of a 512-CPU machine about as
 * much; 8 M characters leaves room for both while keeping a paste that is not a
 * dump (a log, a disk image) from being read at all.
 */
export const MACHINE_LIMITS = Object.freeze({
  /** Characters of one dump. */
  textChars: 8 * 1024 * 1024,
  /** Characters of one logical line (after unwrapping) that the field readers look at. */
  lineChars: 64 * 1024,
});
