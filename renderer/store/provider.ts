import { create } from 'zustand';
import type { ProviderStatus } from '../../shared/ipc/contract';

export const useProvider = create<{ status?: ProviderStatus; set(status: ProviderStatus): void }>((set) => ({
  set: (status) => set({ status }),
}));
