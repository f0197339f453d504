import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { Layout } from './layout/Layout';
import { LoginPage, SignupPage } from './pages/AuthPages';
import { ExplorePage, HomePage } from './pages/FeedPage';
import { FollowersPage, FollowingPage, LikedByPage } from './pages/PeoplePage';
import { FollowRequestsPage } from './pages/FollowRequestsPage';
import { ModerationPage } from './pages/ModerationPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PostPage } from './pages/PostPage';
import { ProfilePage } from './pages/ProfilePage';
import { SettingsPage } from './pages/SettingsPage';
import { TagPage } from './pages/TagPage';
import { UploadPage } from './pages/UploadPage';
import { SessionProvider } from './session';
import { useTitle } from './title';

function NotFound() {
  useTitle('Page not found');
  return (
    <main className="narrow">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go home</Link>
      </p>
    </main>
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/explore', element: <ExplorePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/signup', element: <SignupPage /> },
      { path: '/new', element: <UploadPage /> },
      { path: '/p/:id', element: <PostPage /> },
      { path: '/p/:id/likes', element: <LikedByPage /> },
      { path: '/u/:username', element: <ProfilePage /> },
      { path: '/u/:username/followers', element: <FollowersPage /> },
      { path: '/u/:username/following', element: <FollowingPage /> },
      { path: '/settings', element: <SettingsPage /> },
      { path: '/tags/:tag', element: <TagPage /> },
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/moderation', element: <ModerationPage /> },
      { path: '/follow-requests', element: <FollowRequestsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
