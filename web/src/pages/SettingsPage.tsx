import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, ApiError, describeError, type Me } from '../api';
import { Avatar } from '../components/Avatar';
import { Field } from '../components/Field';
import { FilePicker } from '../components/FilePicker';
import { useSession } from '../session';
import { useTitle } from '../title';
import { uploadAvatar } from '../upload';
import { PrivacySettings } from './PrivacySettings';

/**
 * One form's outcome. `labels` names the fields it shows: an API error about one of them is
 * shown next to that field, in words ("Current password is not correct"), and not again
 * below the form; any other error is shown below it.
 */
function useForm(labels: Record<string, string>) {
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const fieldError = (name: string) =>
    error instanceof ApiError ? error.fieldMessage(name, labels[name]) : undefined;
  const run = async (work: () => Promise<unknown>, message: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      setDone(message);
    } catch (caught) {
      setError(caught);
    }
  };
  const general =
    error !== undefined && !(error instanceof ApiError && error.blames(Object.keys(labels)));
  const status = (
    <>
      {general && (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      )}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </>
  );
  return { run, fieldError, status };
}

export function SettingsPage() {
  const { me } = useSession();
  // Set on logging out or deleting the account: the page goes home, not to the login page.
  const [leaving, setLeaving] = useState(false);
  useTitle('Settings');
  if (leaving) return null;
  if (me === null) return <Navigate to="/login?next=%2Fsettings" replace />;
  if (me === undefined) return <p className="muted">Loading…</p>;
  // The forms start from the loaded profile: never from the empty state of a loading session.
  return <SettingsForms me={me} onLeave={() => setLeaving(true)} />;
}

function SettingsForms({ me, onLeave }: { me: Me; onLeave: () => void }) {
  const { setMe } = useSession();
  const navigate = useNavigate();
  const profileForm = useForm({ firstName: 'First name', lastName: 'Last name', bio: 'Bio' });
  const avatarForm = useForm({});
  const passwordForm = useForm({
    currentPassword: 'Current password',
    newPassword: 'New password',
  });
  const deleteForm = useForm({ password: 'Password' });
  const [profile, setProfile] = useState({
    firstName: me.firstName ?? '',
    lastName: me.lastName ?? '',
    bio: me.bio ?? '',
  });
  const [passwords, setPasswords] = useState({ currentPassword: '', newPassword: '' });
  const [avatarProgress, setAvatarProgress] = useState<number>();
  const [confirm, setConfirm] = useState('');

  async function logout() {
    await api.logout().catch(() => undefined);
    onLeave();
    await navigate('/', { replace: true });
    setMe(null);
  }

  return (
    <main className="narrow">
      <h1>Settings</h1>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void profileForm.run(
              async () => setMe(await api.updateProfile(profile)),
              'Profile saved.',
            );
          }}
          noValidate
        >
          <Field
            label="First name"
            name="firstName"
            value={profile.firstName}
            maxLength={50}
            onChange={(e) => setProfile({ ...profile, firstName: e.target.value })}
            error={profileForm.fieldError('firstName')}
          />
          <Field
            label="Last name"
            name="lastName"
            value={profile.lastName}
            maxLength={50}
            onChange={(e) => setProfile({ ...profile, lastName: e.target.value })}
            error={profileForm.fieldError('lastName')}
          />
          <Field
            label="Bio"
            name="bio"
            multiline
            value={profile.bio}
            maxLength={500}
            onChange={(e) => setProfile({ ...profile, bio: e.target.value })}
            error={profileForm.fieldError('bio')}
          />
          {profileForm.status}
          <button type="submit">Save profile</button>
        </form>
      </section>

      <section aria-labelledby="avatar-heading">
        <h2 id="avatar-heading">Avatar</h2>
        <Avatar user={me} size={64} />
        <FilePicker
          id="avatar"
          label="Choose a new avatar"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          onFiles={([file]) => {
            if (file)
              void avatarForm.run(async () => {
                setMe(await uploadAvatar(file, setAvatarProgress));
                setAvatarProgress(undefined);
              }, 'Avatar updated.');
          }}
        />
        {avatarProgress !== undefined && (
          <progress max={1} value={avatarProgress} aria-label="Avatar upload progress" />
        )}
        {avatarForm.status}
      </section>

      <PrivacySettings me={me} />

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void passwordForm.run(async () => {
              await api.changePassword(passwords.currentPassword, passwords.newPassword);
              setPasswords({ currentPassword: '', newPassword: '' });
            }, 'Password changed. Your other sessions were signed out.');
          }}
          noValidate
        >
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={passwords.currentPassword}
            onChange={(e) => setPasswords({ ...passwords, currentPassword: e.target.value })}
            error={passwordForm.fieldError('currentPassword')}
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={passwords.newPassword}
            onChange={(e) => setPasswords({ ...passwords, newPassword: e.target.value })}
            error={passwordForm.fieldError('newPassword')}
          />
          {passwordForm.status}
          <button type="submit">Change password</button>
        </form>
      </section>

      <section aria-labelledby="session-heading" className="narrow-only">
        <h2 id="session-heading">Session</h2>
        <button type="button" className="secondary" onClick={() => void logout()}>
          Log out
        </button>
      </section>

      <section aria-labelledby="delete-heading" className="danger-zone">
        <h2 id="delete-heading">Delete account</h2>
        <p>This removes your account, posts, photos, likes, comments and follows for good.</p>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void deleteForm.run(async () => {
              await api.deleteAccount(confirm);
              onLeave();
              await navigate('/', {
                replace: true,
                state: { notice: 'Your account has been deleted. Goodbye from Freeb.' },
              });
              setMe(null);
            }, 'Account deleted.');
          }}
          noValidate
        >
          <Field
            label="Password to confirm"
            name="confirmPassword"
            type="password"
            autoComplete="current-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={deleteForm.fieldError('password')}
          />
          {deleteForm.status}
          <button type="submit" className="danger">
            Delete my account
          </button>
        </form>
      </section>
    </main>
  );
}
