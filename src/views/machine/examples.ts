import laptopLspci from './examples/laptop-lspci-vvv.txt?raw';
import laptopInterrupts from './examples/laptop-proc-interrupts.txt?raw';

/**
 * A laptop's dumps (4 CPUs, two lines each shared by two PCI devices, the rest
 * on MSI), for someone without a Linux machine at hand.
 */
export const EXAMPLE_MACHINE = Object.freeze({
  lspci: laptopLspci,
  procInterrupts: laptopInterrupts,
});
