import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, ApiError, describeError } from '../api';
import { Avatar } from '../components/Avatar';
import { Field } from '../components/Field';
import { useSession } from '../session';
import { uploadAvatar } from '../upload';

function useForm() {
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const fieldError = (name: string) =>
    error instanceof ApiError ? error.fieldMessage(name) : undefined;
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
  const status = (
    <>
      {error !== undefined && (
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
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const profileForm = useForm();
  const avatarForm = useForm();
  const passwordForm = useForm();
  const deleteForm = useForm();
  const [profile, setProfile] = useState({
    firstName: me?.firstName ?? '',
    lastName: me?.lastName ?? '',
    bio: me?.bio ?? '',
  });
  const [passwords, setPasswords] = useState({ currentPassword: '', newPassword: '' });
  const [avatarProgress, setAvatarProgress] = useState<number>();
  const [confirm, setConfirm] = useState('');

  if (me === null) return <Navigate to="/login" replace />;
  if (me === undefined) return <p className="muted">Loading…</p>;

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
        <label className="button-like" htmlFor="avatar">
          Choose a new avatar
        </label>
        <input
          id="avatar"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          className="visually-hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
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

      <section aria-labelledby="delete-heading" className="danger-zone">
        <h2 id="delete-heading">Delete account</h2>
        <p>This removes your account, posts, photos, likes, comments and follows for good.</p>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void deleteForm.run(async () => {
              await api.deleteAccount(confirm);
              setMe(null);
              navigate('/');
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
