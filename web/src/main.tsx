import { StrictMode, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n';
import './styles.css';
import { ApiError } from './api';
import { Layout } from './components/Layout';

const Home = lazy(() => import('./routes/Home'));
const Participants = lazy(() => import('./routes/Participants'));
const ParticipantPage = lazy(() => import('./routes/ParticipantPage'));
const Bodies = lazy(() => import('./routes/Bodies'));
const SignIn = lazy(() => import('./routes/SignIn'));
const Profile = lazy(() => import('./routes/Profile'));
const InvitationPage = lazy(() => import('./routes/InvitationPage'));
const Registry = lazy(() => import('./routes/Registry'));
const Admin = lazy(() => import('./routes/Admin'));
const Negotiations = lazy(() => import('./routes/Negotiations'));
const NegotiationPage = lazy(() => import('./routes/NegotiationPage'));
const Decisions = lazy(() => import('./routes/Decisions'));
const DecisionPage = lazy(() => import('./routes/DecisionPage'));
const Inbox = lazy(() => import('./routes/Inbox'));
const NotFound = lazy(() => import('./routes/NotFound'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not fix themselves by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'participants', element: <Participants /> },
      { path: 'participants/:code', element: <ParticipantPage /> },
      { path: 'bodies', element: <Bodies /> },
      { path: 'sign-in', element: <SignIn /> },
      { path: 'profile', element: <Profile /> },
      { path: 'invitation/:token', element: <InvitationPage /> },
      { path: 'registry', element: <Registry /> },
      { path: 'admin', element: <Admin /> },
      { path: 'negotiations', element: <Negotiations /> },
      { path: 'negotiations/:id', element: <NegotiationPage /> },
      { path: 'decisions', element: <Decisions /> },
      { path: 'decisions/:id', element: <DecisionPage /> },
      { path: 'notifications', element: <Inbox /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
