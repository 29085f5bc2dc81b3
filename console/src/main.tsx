import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { wireSession } from './auth/wireSession';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';
import './styles/index.css';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
wireSession(router, queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
